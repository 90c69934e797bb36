// The benchmark's reference: a naive hall (floor, 4 walls, 40 MeshStandardMaterial booths, 3 point lights, antialias on).
import { BoxGeometry, Mesh, MeshStandardMaterial, PerspectiveCamera, PlaneGeometry, PointLight, Scene, WebGLRenderer } from 'three';

/** Turns continuously and records frame intervals, so it is measured the same way as the hall. */
export function startReferenceScene(canvas: HTMLCanvasElement): { intervals: number[] } {
  const renderer = new WebGLRenderer({ canvas, antialias: true });
  renderer.setPixelRatio(1);
  renderer.setSize(canvas.clientWidth, canvas.clientHeight, false);
  const scene = new Scene();
  const camera = new PerspectiveCamera(50, canvas.clientWidth / canvas.clientHeight, 0.1, 200);
  camera.position.set(0, 1.6, 14);
  const floor = new Mesh(new PlaneGeometry(36, 24), new MeshStandardMaterial({ color: '#e6ddd0' }));
  floor.rotation.x = -Math.PI / 2;
  scene.add(floor);
  for (const [x, z, w, d] of [[0, -12, 36, 0.3], [0, 12, 36, 0.3], [-18, 0, 0.3, 24], [18, 0, 0.3, 24]] as const) {
    const wall = new Mesh(new BoxGeometry(w, 4, d), new MeshStandardMaterial({ color: '#f4eadf' }));
    wall.position.set(x, 2, z);
    scene.add(wall);
  }
  for (let i = 0; i < 40; i += 1) {
    // Each booth has its own material on purpose: that is what a naive hall does.
    const booth = new Mesh(new BoxGeometry(2, 1.8, 1), new MeshStandardMaterial({ color: `hsl(${i * 9}, 60%, 55%)`, roughness: 0.6 }));
    booth.position.set(-15 + (i % 10) * 3.3, 0.9, -8 + Math.floor(i / 10) * 5);
    scene.add(booth);
  }
  for (const [x, z] of [[-10, 0], [0, -5], [10, 5]] as const) {
    const light = new PointLight('#fff0dd', 40, 30);
    light.position.set(x, 3.5, z);
    scene.add(light);
  }
  const intervals: number[] = [];
  let last = 0;
  let angle = 0;
  const frame = (now: number): void => {
    if (last > 0) intervals.push(now - last);
    last = now;
    angle += 0.01;
    camera.position.set(Math.sin(angle) * 14, 1.6, Math.cos(angle) * 14);
    camera.lookAt(0, 1, 0);
    renderer.render(scene, camera);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return { intervals };
}
