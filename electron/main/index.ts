// Placeholder: the Electron shell (window, protocol, security hooks, IPC registration) lands next.
import { app } from 'electron';

void app.whenReady();
