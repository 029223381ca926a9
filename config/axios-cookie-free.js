// Stands in for axios's cookie helper (see dropUnusedAxiosModules in config/index.ts). axios uses it
// only to copy an XSRF-TOKEN cookie into a header; the gateway authenticates with bearer tokens and
// sets no such cookie. This is the object axios itself uses where there are no cookies.
export default {
  write() {},
  read() {
    return null;
  },
  async readAsync() {
    return null;
  },
  remove() {},
};
