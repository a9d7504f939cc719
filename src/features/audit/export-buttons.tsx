import { Button } from '../../components/ui/button.tsx';

interface ExportButtonsProps {
  disabled: boolean;
  onExport: (format: 'csv' | 'json') => void;
}

/** The evidence exports every audit page offers, built from exactly what the page shows. */
export function ExportButtons({ disabled, onExport }: ExportButtonsProps) {
  return (
    <>
      <Button size="sm" disabled={disabled} onClick={() => onExport('csv')}>
        Export CSV
      </Button>
      <Button size="sm" disabled={disabled} onClick={() => onExport('json')}>
        Export JSON
      </Button>
    </>
  );
}
