import { Heading } from '@digdir/designsystemet-react';
import { useEffect, useRef, type ReactNode } from 'react';

/** A page with its title: the heading takes focus when the page opens, so focus order starts at the top. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – Brukermedvirkning`;
    heading.current?.focus();
  }, [title]);
  return (
    <>
      <Heading level={1} data-size="lg" ref={heading} tabIndex={-1} className="page-title">
        {title}
      </Heading>
      {children}
    </>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="section" aria-labelledby={id ? `${id}-title` : undefined}>
      <Heading level={2} data-size="sm" id={id ? `${id}-title` : undefined}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
