import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ApiError } from '@/lib/api';
import { setLanguage } from '@/lib/i18n';
import { FormErrors } from './form-errors';

const invalid = new ApiError(400, {
  title: 'Data yang dikirim tidak valid.',
  title_en: 'The submitted data is invalid.',
  errors: [{ field: 'periodEnd', message: 'Akhir periode tidak boleh sebelum awal periode.', message_en: 'The end of the period cannot be before its start.' }],
});

describe('FormErrors', () => {
  afterEach(() => setLanguage('id'));

  it('[A6][D14] lists why the server refused a dialog without per-field errors, in Indonesian and in English', async () => {
    const { rerender } = render(<FormErrors error={invalid} />);
    expect(screen.getByRole('alert').textContent).toBe('Akhir periode tidak boleh sebelum awal periode.');
    await setLanguage('en');
    rerender(<FormErrors error={invalid} />);
    expect(screen.getByRole('alert').textContent).toBe('The end of the period cannot be before its start.');
  });

  it('[A6] shows nothing before a save or for errors without field reasons', () => {
    const { container } = render(
      <>
        <FormErrors error={null} />
        <FormErrors error={new ApiError(409, { title: 'Konflik' })} />
      </>,
    );
    expect(container.innerHTML).toBe('');
  });
});
