// Stands in for axios's object → FormData/URLSearchParams converter (see dropUnusedAxiosModules in
// config/index.ts). axios uses it to serialise query params, which the app does itself
// (paramsSerializer in src/core/http/client.ts), and to turn objects into multipart bodies
// (postForm…), which the app never does: it sends FormData as it is. ESLint keeps src/ off both.
export default function toFormData() {
  throw new Error('axios toFormData is left out of this build: send a FormData, or params through encodeQuery');
}
