import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../api/trpc';

/** The office's lead sources as options; the built-in ones are translated, added ones shown as typed. */
export function useLeadSources() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const sources = useQuery(trpc.leads.sources.queryOptions());
  const label = (source: string) => (i18n.exists(`leads.source.${source}`) ? t(`leads.source.${source}` as 'leads.source.other') : source);
  return { options: (sources.data ?? []).map((value) => ({ value, label: label(value) })), label };
}
