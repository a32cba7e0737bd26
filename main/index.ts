// Electron entry. Everything happens in the shell; this file only hands it the folder of
// the built main-side scripts (engine host and index worker live beside it).
import { raiseIoThreads } from './core/io-threads';
import { startApp } from './shell/start-app';

raiseIoThreads();
startApp(__dirname);
