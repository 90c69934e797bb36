// The reference-counted resource cache disposes a shared resource exactly once, when its last user lets go.
import { describe, expect, it, vi } from 'vitest';
import { ResourceCache, ResourceScope } from '../../../renderer/src/hall/scene/resource-cache';

const resource = () => ({ dispose: vi.fn() });

describe('ResourceCache', () => {
  it('creates once, shares, and disposes at the last release', () => {
    const cache = new ResourceCache();
    const create = vi.fn(resource);
    const a = cache.acquire('box', create);
    const b = cache.acquire('box', create);
    expect(a).toBe(b);
    expect(create).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toEqual({ entries: 1, references: 2, disposed: 0 });
    cache.release('box');
    expect(a.dispose).not.toHaveBeenCalled();
    cache.release('box');
    expect(a.dispose).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toEqual({ entries: 0, references: 0, disposed: 1 });
    expect(cache.release('box')).toBe(false);
    expect(a.dispose).toHaveBeenCalledTimes(1);
  });

  it('creates afresh after a value was disposed', () => {
    const cache = new ResourceCache();
    const first = cache.acquire('t', resource);
    cache.release('t');
    const second = cache.acquire('t', resource);
    expect(second).not.toBe(first);
  });

  it('disposeAll frees everything once, whatever the counts', () => {
    const cache = new ResourceCache();
    const a = cache.acquire('a', resource);
    cache.acquire('a', resource);
    const b = cache.acquire('b', resource);
    cache.disposeAll();
    expect(a.dispose).toHaveBeenCalledTimes(1);
    expect(b.dispose).toHaveBeenCalledTimes(1);
    expect(cache.stats().entries).toBe(0);
  });
});

describe('ResourceScope', () => {
  it('keeps shared keys alive across two halls and frees own keys per hall (a pack switch)', () => {
    const cache = new ResourceCache();
    const first = new ResourceScope(cache, 'hall1');
    const box = first.shared('geometry:box', resource);
    const panel1 = first.own('texture:panel', resource);
    const second = new ResourceScope(cache, 'hall2');
    expect(second.shared('geometry:box', resource)).toBe(box);
    const panel2 = second.own('texture:panel', resource);
    expect(panel2).not.toBe(panel1);
    first.releaseAll();
    expect(panel1.dispose).toHaveBeenCalledTimes(1);
    expect(box.dispose).not.toHaveBeenCalled();
    second.releaseAll();
    expect(box.dispose).toHaveBeenCalledTimes(1);
    expect(panel2.dispose).toHaveBeenCalledTimes(1);
    expect(cache.stats().entries).toBe(0);
  });

  it('drop gives back one resource early and releaseAll does not release it twice', () => {
    const cache = new ResourceCache();
    const scope = new ResourceScope(cache, 'h');
    const old = scope.own('texture:sign#1', resource);
    scope.own('texture:sign#2', resource);
    scope.drop('texture:sign#1');
    expect(old.dispose).toHaveBeenCalledTimes(1);
    scope.releaseAll();
    expect(old.dispose).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toEqual({ entries: 0, references: 0, disposed: 2 });
  });
});
