export { PlaybookEditorScreen } from './PlaybookEditorScreen';
