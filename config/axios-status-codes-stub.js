// Stands in for axios's HttpStatusCode table (every HTTP status by name and number), which axios
// only hangs on its default export as `axios.HttpStatusCode`. The app compares status numbers, and
// ESLint keeps it from using the table (see dropUnusedAxiosAdapters in config/index.ts).
export default {};
