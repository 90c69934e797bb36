// A Lambert material lit per vertex, in display colours: MeshLambertMaterial's look on the hall's flat faces at a fraction of its per-pixel cost.
import { Color, FrontSide, ShaderMaterial, UniformsLib, UniformsUtils } from 'three';
import type { ColorRepresentation, Side } from 'three';

/**
 * Why: a software renderer (SwiftShader, the worst-case kiosk) pays for every shaded pixel, and the floor
 * and walls cover most of the screen. MeshLambertMaterial lights each pixel and then converts it to sRGB
 * with a per-pixel pow(); measured on a fly-through of the launch pack, those two cost more than the rest
 * of the frame together.
 *
 * Here the scene's ambient, hemisphere and directional lights are summed as three's Lambert sums them
 * (irradiance × albedo / π) in the vertex shader, and the result is converted to sRGB there too; the
 * fragment shader writes an interpolated colour. On a flat face the normal is the same at every pixel,
 * so this draws exactly what per-pixel Lambert draws. On a curved model it is Gouraud shading, which at
 * the mascots' mesh density looks the same. Assumes the hall renders to the sRGB canvas (three's default
 * output), never to a linear render target.
 */
const vertexShader = /* glsl */ `
#include <common>
#include <batching_pars_vertex>
#include <color_pars_vertex>
#include <morphtarget_pars_vertex>
#include <skinning_pars_vertex>
#include <lights_pars_begin>
#include <colorspace_pars_fragment>
uniform vec3 diffuse;
uniform vec3 emissive;
varying vec3 vDisplayColor;
#ifdef DOUBLE_SIDED
  // The colour of the face's other side: the fragment shader picks by which side the triangle shows.
  varying vec3 vDisplayColorBack;
#endif
vec3 displayColorFacing( const in vec3 normal, const in vec3 albedo ) {
  vec3 irradiance = getAmbientLightIrradiance( ambientLightColor );
  #if NUM_HEMI_LIGHTS > 0
    for ( int i = 0; i < NUM_HEMI_LIGHTS; i ++ ) irradiance += getHemisphereLightIrradiance( hemisphereLights[ i ], normal );
  #endif
  #if NUM_DIR_LIGHTS > 0
    for ( int i = 0; i < NUM_DIR_LIGHTS; i ++ ) irradiance += saturate( dot( normal, directionalLights[ i ].direction ) ) * directionalLights[ i ].color;
  #endif
  return sRGBTransferOETF( vec4( irradiance * BRDF_Lambert( albedo ) + emissive, 1.0 ) ).rgb;
}
void main() {
  #include <color_vertex>
  #include <morphinstance_vertex>
  #include <morphcolor_vertex>
  #include <batching_vertex>
  #include <beginnormal_vertex>
  #include <morphnormal_vertex>
  #include <skinbase_vertex>
  #include <skinnormal_vertex>
  #include <defaultnormal_vertex>
  #include <begin_vertex>
  #include <morphtarget_vertex>
  #include <skinning_vertex>
  #include <project_vertex>
  vec3 normal = normalize( transformedNormal );
  vec3 albedo = diffuse;
  #if defined( USE_COLOR ) || defined( USE_COLOR_ALPHA ) || defined( USE_INSTANCING_COLOR ) || defined( USE_BATCHING_COLOR )
    albedo *= vColor.rgb;
  #endif
  vDisplayColor = displayColorFacing( normal, albedo );
  #ifdef DOUBLE_SIDED // three defines it for side: DoubleSide
    vDisplayColorBack = displayColorFacing( - normal, albedo );
  #endif
}
`;

const fragmentShader = /* glsl */ `
varying vec3 vDisplayColor;
#ifdef DOUBLE_SIDED
  varying vec3 vDisplayColorBack;
#endif
void main() {
  gl_FragColor = vec4( vDisplayColor, 1.0 );
  #ifdef DOUBLE_SIDED
    // Lambert flips the normal of a triangle seen from behind (gl_FrontFacing), not of a vertex.
    if ( ! gl_FrontFacing ) gl_FragColor.rgb = vDisplayColorBack;
  #endif
}
`;

export interface VertexLitOptions {
  /** Multiplies instance and vertex colours, as MeshLambertMaterial's `color` does. @default white */
  readonly color?: ColorRepresentation | Color;
  /** Added after lighting, as MeshLambertMaterial's `emissive` × `emissiveIntensity`. @default black */
  readonly emissive?: Color;
  readonly vertexColors?: boolean;
  readonly side?: Side;
  readonly name?: string;
}

/** Opaque only: anything blended or cut out (alpha maps, alpha test, transparency) stays on MeshLambertMaterial. */
export function createVertexLitMaterial(options: VertexLitOptions = {}): ShaderMaterial {
  return new ShaderMaterial({
    name: options.name ?? 'vertex-lit',
    lights: true,
    vertexColors: options.vertexColors ?? false,
    side: options.side ?? FrontSide,
    uniforms: UniformsUtils.merge([
      UniformsLib.lights,
      { diffuse: { value: new Color(options.color ?? '#FFFFFF') }, emissive: { value: options.emissive?.clone() ?? new Color(0, 0, 0) } },
    ]),
    vertexShader,
    fragmentShader,
  });
}
