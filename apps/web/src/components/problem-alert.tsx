import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { ApiError } from '../api/client';
import { problemText } from '../api/problem-text';

/** Shows what went wrong in words, each field named; takes focus so a keyboard or screen-reader user hears it. */
export function ProblemAlert({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? problemText(error.problem)
      : { summary: 'Noe gikk galt i nettleseren. Last siden på nytt og prøv igjen.', fields: [] };
  return (
    <Alert data-color="danger" ref={ref} tabIndex={-1} role="alert" className="problem">
      <Heading level={2} data-size="xs">
        Det gikk ikke
      </Heading>
      <Paragraph>{text.summary}</Paragraph>
      {text.fields.length > 0 && (
        <ul>
          {text.fields.map((f) => (
            <li key={`${f.field}:${f.text}`}>
              <strong>{f.label}</strong> {f.text}.
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
