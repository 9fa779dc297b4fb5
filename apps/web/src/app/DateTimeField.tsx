import { DatePicker, Grid, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

interface Props {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  placeholder?: string;
  /** the time a newly picked day starts at on the desktop picker */
  defaultTime?: Dayjs;
  'data-testid'?: string;
}

/**
 * A date and time. On a phone the browser's own picker (`datetime-local`: the native wheel on iOS and
 * Android, and no popup wider than the screen); on larger screens antd's DatePicker.
 */
export function DateTimeField({ id, value, onChange, placeholder, defaultTime, ...rest }: Props) {
  const screens = Grid.useBreakpoint();
  if (screens.md === false) {
    return (
      <Input
        id={id}
        type="datetime-local"
        value={value ? value.format('YYYY-MM-DDTHH:mm') : ''}
        onChange={(e) => onChange?.(e.target.value ? dayjs(e.target.value) : null)}
        placeholder={placeholder}
        data-testid={rest['data-testid']}
      />
    );
  }
  return (
    <DatePicker
      id={id}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      showTime={{ format: 'HH:mm', defaultOpenValue: defaultTime }}
      format="YYYY-MM-DD HH:mm"
      placeholder={placeholder}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
