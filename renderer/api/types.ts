import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../electron/api/router';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type SessionUser = NonNullable<RouterOutputs['auth']['status']['user']>;
export type UserSummary = RouterOutputs['users']['list'][number];
export type CustomerDetail = RouterOutputs['customers']['get'];
export type Contact = CustomerDetail['contacts'][number];
export type CustomerListItem = RouterOutputs['customers']['list']['items'][number];
export type CustomerListInput = RouterInputs['customers']['list'];
export type DuplicateMatch = RouterOutputs['customers']['checkDuplicates'][number];

export type CustomerKind = CustomerDetail['kind'];
export type CustomerStage = CustomerDetail['stage'];
export type CustomerTier = NonNullable<CustomerDetail['tier']>;
export type CustomerSource = NonNullable<CustomerDetail['source']>;
export type Gender = NonNullable<Contact['gender']>;
export type CustomerSortKey = NonNullable<CustomerListInput['sort']>;

export type Task = RouterOutputs['tasks']['get'];
export type TaskKind = Task['kind'];
export type TaskPriority = Task['priority'];
export type TaskInput = RouterInputs['tasks']['create'];
export type MyDay = RouterOutputs['tasks']['myDay'];
export type AppNotification = RouterOutputs['notifications']['list']['items'][number];
