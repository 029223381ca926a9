// Stands in for axios adapters a build never uses (see dropAxiosAdapters in config/index.ts).
// `false` is what axios's own adapters export where the environment lacks them
// ("adapter … is not supported by the environment"), so axios behaves exactly as it would there.
export const getFetch = () => false;
export default false;
