// Electron entry. Everything happens in the shell; this file only hands it the folder of
// the built main-side scripts (engine host and index worker live beside it).
import { startApp } from './shell/app';

startApp(__dirname);
