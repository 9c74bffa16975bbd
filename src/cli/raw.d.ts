/** Vite's `?raw` imports (a file's text as a string), as the CLI bundles the briefing stylesheet. */
declare module '*.css?raw' {
  const text: string;
  export default text;
}
