// Loaded models' materials: plain PBR colours become the vertex-lit material, anything textured or blended becomes Lambert.
import { Color, DoubleSide, MeshBasicMaterial, MeshLambertMaterial, MeshStandardMaterial, ShaderMaterial, Texture } from 'three';
import { describe, expect, it, vi } from 'vitest';
import { cheaperMaterial } from '../../../renderer/src/hall/scene/model-materials';

const uniform = (material: ShaderMaterial, name: string) => material.uniforms[name]?.value as Color;

describe('cheaperMaterial', () => {
  it('turns a plain opaque PBR colour into the vertex-lit material with its colour, glow, vertex colours and side', () => {
    const source = new MeshStandardMaterial({ name: 'body', color: '#FF7A1A', emissive: '#112233', emissiveIntensity: 2, vertexColors: true, side: DoubleSide });
    const disposed = vi.fn();
    source.addEventListener('dispose', disposed);
    const result = cheaperMaterial(source);
    if (!(result instanceof ShaderMaterial)) throw new Error(`expected the vertex-lit material, got ${result.type}`);
    expect(result.name).toBe('body');
    expect(result.lights).toBe(true);
    expect(uniform(result, 'diffuse').getHexString()).toBe('ff7a1a');
    expect(uniform(result, 'emissive').toArray()).toEqual(new Color('#112233').multiplyScalar(2).toArray());
    expect(result.vertexColors).toBe(true);
    expect(result.side).toBe(DoubleSide);
    expect(disposed).toHaveBeenCalled();
  });

  it('keeps textured, transparent and cut-out materials on Lambert, with their maps and alpha', () => {
    const map = new Texture();
    const textured = cheaperMaterial(new MeshStandardMaterial({ color: '#FFFFFF', map }));
    expect(textured).toBeInstanceOf(MeshLambertMaterial);
    expect((textured as MeshLambertMaterial).map).toBe(map);
    const glass = cheaperMaterial(new MeshStandardMaterial({ transparent: true, opacity: 0.4 }));
    expect(glass).toBeInstanceOf(MeshLambertMaterial);
    expect(glass.opacity).toBeCloseTo(0.4);
    expect(cheaperMaterial(new MeshStandardMaterial({ alphaTest: 0.5 }))).toBeInstanceOf(MeshLambertMaterial);
    // A mesh without normals (GLTFLoader then shades it flat) needs per-pixel normals.
    const flat = cheaperMaterial(new MeshStandardMaterial({ flatShading: true }));
    expect(flat).toBeInstanceOf(MeshLambertMaterial);
    expect((flat as MeshLambertMaterial).flatShading).toBe(true);
  });

  it('leaves materials that are not PBR as they are', () => {
    const basic = new MeshBasicMaterial();
    expect(cheaperMaterial(basic)).toBe(basic);
  });
});
