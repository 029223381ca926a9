// Stands in for axios's deprecated CancelToken (see dropUnusedAxiosAdapters in config/index.ts),
// which axios only hangs on its default export and checks for in a request's config. The app
// cancels with AbortSignal; ESLint keeps CancelToken out of src/.
export default class CancelToken {
  constructor() {
    throw new Error('axios CancelToken is left out of this build: cancel with an AbortSignal');
  }
}
