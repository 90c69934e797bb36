// Sizes of the textures the hall draws for every exhibit panel and zone sign: the renderer draws them, the pack validator budgets for them.

/** Texture sizes in pixels; a panel is 2 × 1.4 m, a sign 3 × 0.75 m. */
export const PANEL_TEXTURE = { width: 1024, height: 716 } as const;
export const SIGN_TEXTURE = { width: 1024, height: 256 } as const;
