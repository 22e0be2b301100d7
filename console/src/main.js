// Entry point of the console bundle (console/build.mjs): the chart library's style sheet, ours,
// and the shell.
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { start } from './app.js';

start(document.getElementById('app'));
