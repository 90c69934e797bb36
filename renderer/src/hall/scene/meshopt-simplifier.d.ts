// Types for the part of three's bundled meshoptimizer simplifier the hall uses (three ships the module without them).
declare module 'three/addons/libs/meshopt_simplifier.module.js' {
  export type SimplifyFlag = 'LockBorder' | 'Sparse' | 'ErrorAbsolute' | 'Prune' | 'Regularize' | 'Permissive';
  export const MeshoptSimplifier: {
    readonly supported: boolean;
    /** Resolves once the WebAssembly module is compiled; every other call needs it. */
    readonly ready: Promise<void>;
    /**
     * Returns [indices, error]: a reduced index buffer over the same vertices, and the relative error it
     * reached. Attributes steer which vertices may merge (weights per attribute component).
     */
    simplifyWithAttributes(
      indices: Uint32Array,
      positions: Float32Array,
      positionStride: number,
      attributes: Float32Array,
      attributeStride: number,
      attributeWeights: number[],
      vertexLock: Uint8Array | null,
      targetIndexCount: number,
      targetError: number,
      flags?: SimplifyFlag[],
    ): [Uint32Array, number];
  };
}
