import { useState } from 'preact/hooks';
import { writeSetting } from '@/utils/settings/read-settings';
import type { Settings } from '@/utils/settings/settings';
import { parseSiteList } from '@/utils/settings/site-list';

/** The site list: the sites where pages are not annotated (deny) or the only ones where they are (allow). */
export function SiteSettings({ settings }: { settings: Settings }) {
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const { hosts, invalid } = parseSiteList(text);
    if (invalid.length) return setMessage(`Not a host name: ${invalid.join(', ')}. Nothing added.`);
    const added = hosts.filter((h) => !settings.siteList.includes(h));
    if (added.length) writeSetting('siteList', [...settings.siteList, ...added]);
    setText('');
    setMessage(added.length ? `Added ${added.join(', ')}.` : '');
  };
  const remove = (host: string) => {
    writeSetting('siteList', settings.siteList.filter((h) => h !== host));
    setMessage(`Removed ${host}.`);
  };

  return (
    <section class="panel" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <fieldset>
        <legend>Where to annotate</legend>
        <label class="row">
          <input type="radio" name="siteListMode" value="deny" checked={settings.siteListMode === 'deny'} onChange={() => writeSetting('siteListMode', 'deny')} />
          Every site except those listed
        </label>
        <label class="row">
          <input type="radio" name="siteListMode" value="allow" checked={settings.siteListMode === 'allow'} onChange={() => writeSetting('siteListMode', 'allow')} />
          Only the sites listed
        </label>
      </fieldset>
      <form class="row" onSubmit={add}>
        <label for="site-input">Site</label>
        <input
          id="site-input"
          name="site"
          type="text"
          placeholder="example.com"
          autoComplete="off"
          spellcheck={false}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      <p class="muted">A site covers its subdomains. You can also switch the current site from the toolbar popup.</p>
      {settings.siteList.length === 0 ? (
        <p class="muted">{settings.siteListMode === 'deny' ? 'No site excluded.' : 'No site listed: nothing is annotated.'}</p>
      ) : (
        <ul class="site-list" aria-label={settings.siteListMode === 'deny' ? 'Sites not annotated' : 'Sites annotated'}>
          {settings.siteList.map((host) => (
            <li key={host} data-site={host}>
              <span>{host}</span>
              <button type="button" aria-label={`Remove ${host}`} onClick={() => remove(host)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="muted" role="status">
        {message}
      </p>
    </section>
  );
}
