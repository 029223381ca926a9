/** Hooks the app wires up: core never shows UI or navigates by itself. */
export const httpHooks: { onSessionExpired: () => void } = {
  onSessionExpired: () => undefined,
};
