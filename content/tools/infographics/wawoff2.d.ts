// Types for wawoff2's decompressor (the package ships none): WOFF2 bytes in, plain TrueType bytes out.
declare module 'wawoff2/decompress.js' {
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
