// Preload: exposes exactly the KioskApi as window.kiosk, one function per channel, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron';
import { buildKioskApi } from '../shared/api';
import type { Invoke, Subscribe } from '../shared/api';
import { fail } from '../shared/result';
import type { Result } from '../shared/result';

const invoke: Invoke = async (channel, args) => {
  try {
    return (await ipcRenderer.invoke(channel, args)) as Result<unknown>;
  } catch (error) {
    return fail('API_E_INTERNAL', `${channel} could not reach the kiosk: ${String(error)}`);
  }
};

const subscribe: Subscribe = (channel, listener) => {
  // The page's callback gets the payload only, never the IPC event (checklist #20).
  const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
};

contextBridge.exposeInMainWorld('kiosk', buildKioskApi(invoke, subscribe));
