// The virtual modules made by vite-plugin-messages.ts.
declare module "virtual:messages" {
  export const loaders: ReadonlyMap<string, () => Promise<{ default: Record<string, import("@lingui/core").Messages[string]> }>>;
}
declare module "virtual:messages/*" {
  const messages: import("@lingui/core").Messages;
  export default messages;
}
