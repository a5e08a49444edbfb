// Native open/save dialogs (tauri-plugin-dialog). In a plain browser they
// return a made-up path so the screens can be exercised.
import { inTauri, toAppError } from './commands';

export async function pickCsv(title: string): Promise<string | null> {
  if (!inTauri()) return '/home/demo/Downloads/products_export.csv';
  try {
    const { open } = await import('@tauri-apps/plugin-dialog');
    const picked = await open({
      title,
      multiple: false,
      directory: false,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    return typeof picked === 'string' ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

export async function pickZip(title: string, defaultPath: string): Promise<string | null> {
  if (!inTauri()) return defaultPath || '/home/demo/Documents/bundle.zip';
  try {
    const { save } = await import('@tauri-apps/plugin-dialog');
    const picked = await save({
      title,
      defaultPath: defaultPath || undefined,
      filters: [{ name: 'ZIP', extensions: ['zip'] }],
    });
    return picked ?? null;
  } catch (e) {
    throw toAppError(e);
  }
}

export async function pickCsvToSave(title: string, defaultPath: string): Promise<string | null> {
  if (!inTauri()) return defaultPath || '/home/demo/Documents/glossary.csv';
  try {
    const { save } = await import('@tauri-apps/plugin-dialog');
    const picked = await save({
      title,
      defaultPath: defaultPath || undefined,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    return picked ?? null;
  } catch (e) {
    throw toAppError(e);
  }
}
