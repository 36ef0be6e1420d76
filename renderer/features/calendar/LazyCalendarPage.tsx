import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

// FullCalendar is large: it loads with the calendar screen, not with the app.
const CalendarPage = lazy(() => import('./CalendarPage').then((module) => ({ default: module.CalendarPage })));

export function LazyCalendarPage() {
  return (
    <Suspense
      fallback={
        <Center h={200}>
          <Loader />
        </Center>
      }
    >
      <CalendarPage />
    </Suspense>
  );
}
