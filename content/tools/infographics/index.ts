// Public entry of the infographics tool: the spec types, the renderer and the SVG layer the tests and the orchestrator use.
export type { ChartKind, InfographicItem, InfographicLocale, InfographicSpec, RenderedInfographic } from './spec';
export { buildSvg, pngPath, rasterise, renderInfographics } from './render';
export { drawnKind, layoutInfographic, printedStrings } from './layout';
export { FontBook, findFontDir } from './fonts';
export { LayoutError, type Scene, type SceneNode, type TextNode } from './scene';
export { toSvg } from './svg';
