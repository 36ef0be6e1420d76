/** The IANA time zone this app runs in (e.g. Asia/Shanghai): the API computes local days in it. */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
