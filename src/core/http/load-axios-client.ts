import * as axiosClient from './axios-client';

export type AxiosClient = typeof axiosClient;

/** The mini-programs load no code on demand: the client is part of the package. */
export function loadAxiosClient(): Promise<AxiosClient> {
  return Promise.resolve(axiosClient);
}
