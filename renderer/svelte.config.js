// Svelte compiler options for the renderer (read by the Vite plugin and by svelte-check).
/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  compilerOptions: {
    // Runes everywhere: no legacy reactive `$:` or `export let` can sneak in.
    runes: true,
  },
};
