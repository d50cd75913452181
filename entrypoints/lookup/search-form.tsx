import { useEffect, useState } from 'preact/hooks';
import { MAX_QUERY_LENGTH } from '@/utils/search/lookup-query';

/** The page's own search box: submitting looks the text up in place. */
export function SearchForm({ query, onSubmit }: { query: string; onSubmit(query: string): void }) {
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  return (
    <form
      class="lookup-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSubmit(text);
      }}
    >
      <input
        class="til-query"
        type="search"
        aria-label="Look up an actor, alias, technique, ID, software or campaign"
        placeholder="Actor, alias, technique, ID, software…"
        maxLength={MAX_QUERY_LENGTH}
        value={text}
        autoFocus={!query}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit">Look up</button>
    </form>
  );
}
