// Every form shows the API's field errors next to the field: a 400's details go onto the antd fields the
// form has (mapErrorToForm), what it has no field for goes into an alert above the form.
import { Alert, App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, localizeMessage, mapErrorToForm, type Language } from '../api/errors';

export interface ApiFormOptions {
  /** API field → form field, when the form collects a value under another name */
  aliases?: Record<string, string>;
}

export function useApiForm(form: FormInstance, options: ApiFormOptions = {}) {
  const { i18n } = useTranslation();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const language = i18n.language as Language;

  const run = useCallback(
    async <R,>(action: () => Promise<R>): Promise<R | undefined> => {
      setFormErrors([]);
      setSubmitting(true);
      try {
        return await action();
      } catch (error) {
        if (!isApiError(error)) {
          setFormErrors([String((error as Error)?.message ?? error)]);
          return undefined;
        }
        const names = form.getFieldsError().map((field) => field.name.join('.'));
        const mapped = mapErrorToForm(error.body, names, { language, aliases: options.aliases });
        form.setFields(mapped.fields.map((field) => ({ name: field.name, errors: field.errors })));
        setFormErrors(mapped.formErrors);
        if (mapped.fields[0]) form.scrollToField(mapped.fields[0].name, { block: 'center' });
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [form, language, options.aliases],
  );

  const alert = formErrors.length ? (
    <Alert type="error" showIcon style={{ marginBottom: 16 }} title={formErrors.length === 1 ? formErrors[0] : undefined}
      description={formErrors.length > 1 ? <ul style={{ margin: 0, paddingLeft: 18 }}>{formErrors.map((m) => <li key={m}>{m}</li>)}</ul> : undefined}
      data-testid="form-error" />
  ) : null;

  return { run, submitting, formErrors, setFormErrors, alert };
}

/** A toast for a failed action outside a form (a button in a list). */
export function useErrorToast() {
  const { message } = App.useApp();
  const { i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const text = isApiError(error) ? localizeMessage(error.message, i18n.language as Language) : String((error as Error)?.message ?? error);
      void message.error(text);
    },
    [message, i18n.language],
  );
}
