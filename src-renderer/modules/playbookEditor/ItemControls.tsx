import { useReadOnly } from './editorForm';

/**
 * Move up, move down and remove for one item of a list. Named for screen readers ("Move stage 3 up"); React keeps
 * the item's DOM node when it moves, so keyboard focus stays on the button that was pressed.
 */
export const ItemControls = ({
  name,
  index,
  count,
  move,
  remove,
  minimum = 0,
}: {
  /** What the item is called, with its position: "stage 3". */
  name: string;
  index: number;
  count: number;
  move(from: number, to: number): void;
  remove(index: number): void;
  /** The list keeps at least this many items. */
  minimum?: number;
}) => {
  if (useReadOnly()) return null;
  return (
    <span className="item-controls">
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon-button item-remove"
        aria-label={`Remove ${name}`}
        title="Remove"
        disabled={count <= minimum}
        onClick={() => remove(index)}
      >
        ×
      </button>
    </span>
  );
};
