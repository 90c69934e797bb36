// Renderer entry: installs diagnostics and kiosk-wide input guards, then mounts the Svelte app.
import { mount } from 'svelte';
import './app/global.css';
import './app/fonts.css';
import App from './app/App.svelte';
import { connectKioskApi } from './api/client';
import { installDiagnostics } from './diagnostics';

installDiagnostics();

// A long press must not open a context menu, and nothing on a kiosk should be draggable.
window.addEventListener('contextmenu', (event) => event.preventDefault());
window.addEventListener('dragstart', (event) => event.preventDefault());

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

mount(App, { target, props: { api: connectKioskApi() } });
