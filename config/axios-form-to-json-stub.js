// Stands in for axios's FormData → JSON converter (see dropUnusedAxiosModules in config/index.ts).
// axios calls it only for FormData sent with a JSON content type, and as `axios.formToJSON`; the app
// sends FormData as multipart and objects as JSON it encodes itself. `null` is what the converter
// returns for anything that is not FormData.
export default function formDataToJSON() {
  return null;
}
