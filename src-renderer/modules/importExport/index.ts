import './importExport.css';

export { ImportScreen } from './ImportScreen';
export { ExportPanel } from './ExportPanel';
