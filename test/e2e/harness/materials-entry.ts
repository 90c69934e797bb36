// Materials test page: draws the hall's cheap materials and the three.js materials they stand in for, under the hall's lights, and reads back pixels.
import {
  AdditiveBlending,
  BackSide,
  Bone,
  Float32BufferAttribute,
  FrontSide,
  Mesh,
  Skeleton,
  SkinnedMesh,
  SphereGeometry,
  Uint16BufferAttribute,
  BufferAttribute,
  CanvasTexture,
  Color,
  DoubleSide,
  InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
  MeshLambertMaterial,
  NoColorSpace,
  OrthographicCamera,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  SRGBColorSpace,
  Vector3,
  WebGLRenderer,
} from 'three';
import type { BufferGeometry, Material } from 'three';
import { createGlowMaterial, DisplayTextureMaterial } from '../../../renderer/src/hall/scene/display-materials';
import { createHallLights } from '../../../renderer/src/hall/scene/lighting';
import { createVertexLitMaterial } from '../../../renderer/src/hall/scene/vertex-lit-material';
import type { MaterialPair } from './harness-globals';

const canvas = document.getElementById('view');
if (!(canvas instanceof HTMLCanvasElement)) throw new Error('materials.html has no canvas');
const renderer = new WebGLRenderer({ canvas, antialias: false });
renderer.setPixelRatio(1);
renderer.setSize(32, 32, false);
const scene = new Scene();
scene.background = new Color('#000000');
scene.add(...createHallLights());
const camera = new OrthographicCamera(-1, 1, 1, -1, 0.1, 10);
const plane = new PlaneGeometry(4, 4);

/**
 * Draws `geometry` with `material` as one instance tinted `tint`, its front turned to `facing`, seen
 * from `eye` towards the origin, and returns the pixel at column `x` of the middle row.
 */
function drawnPixel(geometry: BufferGeometry, material: Material, view: { facing: Vector3; eye: Vector3; tint?: string; x?: number }): number[] {
  const mesh = new InstancedMesh(geometry, material, 1);
  mesh.setMatrixAt(0, new Matrix4());
  mesh.setColorAt(0, new Color(view.tint ?? '#FFFFFF'));
  mesh.lookAt(view.facing);
  scene.add(mesh);
  camera.position.copy(view.eye);
  const looksDown = Math.abs(view.eye.clone().normalize().y) > 0.9;
  camera.up.set(looksDown ? 1 : 0, looksDown ? 0 : 1, 0);
  camera.lookAt(0, 0, 0);
  renderer.render(scene, camera);
  const gl = renderer.getContext();
  const pixel = new Uint8Array(4);
  gl.readPixels(view.x ?? 16, 16, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  scene.remove(mesh);
  mesh.dispose();
  return [...pixel.slice(0, 3)];
}

/** `material` on a plane facing `normal`, seen head-on. */
function centrePixel(material: Material, normal: Vector3, tint: string, x = 16): number[] {
  return drawnPixel(plane, material, { facing: normal, eye: normal.clone().multiplyScalar(3), tint, x });
}

/** The back of a double-sided face, seen from behind: lit as if it faced the camera, like Lambert does. */
function backFacePairs(): MaterialPair[] {
  const lambert = new MeshLambertMaterial({ color: '#FFFFFF', side: DoubleSide });
  const vertexLit = createVertexLitMaterial({ side: DoubleSide });
  return ['#F4EADF', '#2E7D6B'].map((tint) => {
    // The plane faces up (+y) and the camera looks at it from below.
    const seenFromBelow = (material: Material) => drawnPixel(plane, material, { facing: new Vector3(0, 1, 0), eye: new Vector3(0, -3, 0), tint });
    return { name: `back face ${tint}`, expected: seenFromBelow(lambert), actual: seenFromBelow(vertexLit) };
  });
}

/**
 * Compiles and draws the vertex-lit material in the shader variants models bring: skinned with morph
 * targets (positions, normals, colours), RGB and RGBA vertex colours, back-sided. Returns three's shader
 * errors (an empty list when every variant compiled and linked).
 */
function variantErrors(): string[] {
  const errors: string[] = [];
  renderer.debug.onShaderError = (_gl, _program, vertex, fragment) => {
    errors.push(`${renderer.getContext().getShaderInfoLog(vertex) ?? ''} ${renderer.getContext().getShaderInfoLog(fragment) ?? ''}`.trim() || 'shader error');
  };
  const group = new Scene();
  group.add(...createHallLights());
  const sphere = () => new SphereGeometry(0.5, 12, 8);
  const rgb = sphere();
  rgb.setAttribute('color', new Float32BufferAttribute(new Float32Array(rgb.getAttribute('position').count * 3).fill(0.5), 3));
  const rgba = sphere();
  rgba.setAttribute('color', new Float32BufferAttribute(new Float32Array(rgba.getAttribute('position').count * 4).fill(0.5), 4));
  const skinned = sphere();
  const count = skinned.getAttribute('position').count;
  skinned.setAttribute('skinIndex', new Uint16BufferAttribute(new Uint16Array(count * 4), 4));
  skinned.setAttribute('skinWeight', new Float32BufferAttribute(new Float32Array(count * 4).map((_, i) => (i % 4 === 0 ? 1 : 0)), 4));
  skinned.setAttribute('color', new Float32BufferAttribute(new Float32Array(count * 3).fill(0.8), 3));
  skinned.morphAttributes.position = [new Float32BufferAttribute(new Float32Array(count * 3), 3)];
  skinned.morphAttributes.normal = [new Float32BufferAttribute(new Float32Array(count * 3), 3)];
  skinned.morphAttributes.color = [new Float32BufferAttribute(new Float32Array(count * 3), 3)];
  const bone = new Bone();
  const body = new SkinnedMesh(skinned, createVertexLitMaterial({ vertexColors: true }));
  body.add(bone);
  body.bind(new Skeleton([bone]));
  body.morphTargetInfluences = [0.5];
  group.add(
    body,
    new Mesh(rgb, createVertexLitMaterial({ vertexColors: true, side: FrontSide })),
    new Mesh(rgba, createVertexLitMaterial({ vertexColors: true, side: DoubleSide })),
    new Mesh(sphere(), createVertexLitMaterial({ side: BackSide })),
  );
  const view = new PerspectiveCamera(50, 1, 0.1, 10);
  view.position.set(0, 0, 3);
  renderer.compile(group, view);
  renderer.render(group, view);
  const glError = renderer.getContext().getError();
  if (glError !== 0) errors.push(`GL error ${glError}`);
  renderer.debug.onShaderError = null;
  return errors;
}

function lambertPairs(): MaterialPair[] {
  const lambert = new MeshLambertMaterial({ color: '#FFFFFF' });
  const vertexLit = createVertexLitMaterial();
  const pairs: MaterialPair[] = [];
  // Floor, walls facing each way, a tilted face; floor, wall and zone colours of the launch pack.
  const faces = { up: new Vector3(0, 1, 0), front: new Vector3(0, 0, 1), back: new Vector3(0, 0, -1), left: new Vector3(-1, 0, 0), right: new Vector3(1, 0, 0), tilted: new Vector3(1, 1, 1).normalize() };
  for (const [face, normal] of Object.entries(faces)) {
    for (const tint of ['#E6DDD0', '#F4EADF', '#D94F3D', '#2E7D6B']) {
      pairs.push({ name: `${face} ${tint}`, expected: centrePixel(lambert, normal, tint), actual: centrePixel(vertexLit, normal, tint) });
    }
  }
  return pairs;
}

/**
 * A panel texture's colours, orange on the left and indigo on the right, read well inside each half.
 * (Where the two meet they blend differently: three's sRGB texture filters in linear light, the
 * pass-through in display values, as the browser scales images. Panels are seen that way.)
 */
function texturePairs(): MaterialPair[] {
  const art = document.createElement('canvas');
  art.width = art.height = 8;
  const ctx = art.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#FF7A1A';
  ctx.fillRect(0, 0, 8, 8);
  ctx.fillStyle = '#1B1F3B';
  ctx.fillRect(4, 0, 4, 8);
  const srgb = new CanvasTexture(art);
  srgb.colorSpace = SRGBColorSpace;
  const display = new CanvasTexture(art);
  display.colorSpace = NoColorSpace;
  const through = new DisplayTextureMaterial();
  through.map = display;
  const basic = new MeshBasicMaterial({ map: srgb });
  const front = new Vector3(0, 0, 1);
  return [6, 26].map((x) => ({ name: `panel texture at x=${x}`, expected: centrePixel(basic, front, '#FFFFFF', x), actual: centrePixel(through, front, '#FFFFFF', x) }));
}

function glowPair(): MaterialPair {
  const geometry = plane.clone();
  const colours = new Float32Array(geometry.getAttribute('position').count * 4).map((_, i) => (i % 4 === 3 ? 0.4 : 1));
  geometry.setAttribute('color', new BufferAttribute(colours, 4));
  // Over a mid-tone background, so adding light shows.
  const draw = (material: Material) => {
    scene.background = new Color('#3A4060');
    const pixel = drawnPixel(geometry, material, { facing: new Vector3(0, 0, 1), eye: new Vector3(0, 0, 3) });
    scene.background = new Color('#000000');
    return pixel;
  };
  const basic = new MeshBasicMaterial({ color: '#FFD27A', vertexColors: true, transparent: true, blending: AdditiveBlending, depthWrite: false, side: DoubleSide });
  return { name: 'spotlight glow', expected: draw(basic), actual: draw(createGlowMaterial('#FFD27A')) };
}

window.materialsHarness = { pairs: () => [...lambertPairs(), ...backFacePairs(), ...texturePairs(), glowPair()], variantErrors };
