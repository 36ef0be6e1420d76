import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, type ComponentType } from 'react';

/**
 * A screen whose code loads when it is first opened, not with the app: the app's first script is
 * smaller, so the list people start on shows sooner (npm run bench, "first list rows").
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense
        fallback={
          <Center h={200}>
            <Loader />
          </Center>
        }
      >
        <Page />
      </Suspense>
    );
  };
}
