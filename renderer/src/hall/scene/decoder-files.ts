// Where the build puts the Basis transcoder (patched, see renderer/build/embind-without-eval.ts), relative to the page.

/** Folder of basis_transcoder.js and .wasm beside index.html: KTX2Loader fetches both by these fixed names. */
export const BASIS_TRANSCODER_DIR = 'decoders/basis/';
export const BASIS_TRANSCODER_FILES = ['basis_transcoder.js', 'basis_transcoder.wasm'] as const;
