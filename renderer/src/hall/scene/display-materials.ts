// Unlit materials that draw in display (sRGB) colours as they are: no per-pixel colour conversion, which software renderers pay dearly for.
import { AdditiveBlending, Color, DoubleSide, ShaderMaterial } from 'three';
import type { ColorRepresentation, Texture } from 'three';

// Three's built-in materials work in linear colour and convert every pixel to sRGB at the end (a pow()
// per channel). Under SwiftShader that conversion costs more than anything else these materials do; an
// unlit surface has no lighting to do in linear space, so it can skip both conversions and stay exact.

const textureVertex = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4( position, 1.0 );
}
`;

const textureFragment = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
void main() {
  gl_FragColor = vec4( texture2D( map, vUv ).rgb, 1.0 );
}
`;

/**
 * Shows a texture's pixels as they are, like MeshBasicMaterial with an sRGB map, minus the decode and
 * re-encode. The texture must hold display colours and be marked `NoColorSpace` (the hall painter's
 * canvases are), so the GPU hands its bytes through untouched. Opaque: panels and signs have no alpha.
 */
export class DisplayTextureMaterial extends ShaderMaterial {
  constructor(name = 'display-texture') {
    super({ name, uniforms: { map: { value: null } }, vertexShader: textureVertex, fragmentShader: textureFragment });
  }

  get map(): Texture | null {
    return (this.uniforms['map']?.value as Texture | null | undefined) ?? null;
  }

  set map(texture: Texture | null) {
    const uniform = this.uniforms['map'];
    if (uniform) uniform.value = texture;
  }
}

const glowVertex = /* glsl */ `
#include <common>
#include <color_pars_vertex>
#include <colorspace_pars_fragment>
uniform vec3 diffuse;
varying vec4 vGlow;
void main() {
  #include <color_vertex>
  #include <begin_vertex>
  #include <project_vertex>
  vGlow = vec4( sRGBTransferOETF( vec4( diffuse * vColor.rgb, 1.0 ) ).rgb, vColor.a );
}
`;

const glowFragment = /* glsl */ `
varying vec4 vGlow;
void main() {
  gl_FragColor = vGlow;
}
`;

/**
 * Additive, double-sided light in `color`, its strength from the geometry's RGBA vertex colours (alpha
 * fades it): what MeshBasicMaterial with additive blending and vertex colours draws, converted to sRGB per
 * vertex instead of per pixel. The geometry must have a 4-component `color` attribute.
 */
export function createGlowMaterial(color: ColorRepresentation): ShaderMaterial {
  return new ShaderMaterial({
    name: 'glow',
    uniforms: { diffuse: { value: new Color(color) } },
    vertexShader: glowVertex,
    fragmentShader: glowFragment,
    vertexColors: true,
    transparent: true,
    blending: AdditiveBlending,
    depthWrite: false,
    side: DoubleSide,
  });
}
