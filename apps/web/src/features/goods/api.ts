import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import { invalidateArchive } from '../archive/api';
import type {
  HandoutInput,
  HandoutSheet,
  HouseholdGoodsView,
  Moved,
  Movement,
  MovementFilters,
  ReceiptInput,
  StockView,
  TransferInput,
  WriteOffInput,
} from './types';

export * from './types';

/** A node's own stock per item and its subtree's totals. */
export function useStock(orgId: number, category?: string, includeEmpty = false) {
  return useQuery({
    queryKey: ['goods', 'stock', orgId, category ?? '', includeEmpty],
    queryFn: () =>
      api.get<StockView>('/goods/stock', { orgId, category, includeEmpty: includeEmpty ? 'true' : undefined }),
  });
}

/** Movements of a node's subtree, newest first, one page. */
export function useMovements(orgId: number, f: MovementFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['goods', 'movements', orgId, f, page, pageSize],
    queryFn: () =>
      api.get<Page<Movement>>('/goods/movements', {
        orgId,
        ...f,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
    placeholderData: keepPreviousData,
  });
}

/** 物资发放签领表: every hand-out of the subtree in date order (masked IDs). */
export function useHandoutSheet(orgId: number, f: Omit<MovementFilters, 'kind'>) {
  return useQuery({
    queryKey: ['goods', 'sheet', orgId, f],
    queryFn: () => api.get<HandoutSheet>('/goods/handout-sheet', { orgId, ...f }),
  });
}

/** What a household received (帮扶记录). */
export function useHouseholdGoods(householdId: number) {
  return useQuery({
    queryKey: ['goods', 'household', householdId],
    queryFn: () => api.get<HouseholdGoodsView>(`/households/${householdId}/goods`),
  });
}

/** Every write answers the movement: refresh stock, movements, sheets and households' goods (and the archive's
 * last-assisted date, which a hand-out sets). */
function useGoodsWrite<I>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post<Moved>(path, input),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['goods'] }), invalidateArchive(qc)]),
  });
}

export const useReceiveGoods = () => useGoodsWrite<ReceiptInput>('/goods/receipts');
export const useHandOutGoods = () => useGoodsWrite<HandoutInput>('/goods/handouts');
export const useTransferGoods = () => useGoodsWrite<TransferInput>('/goods/transfers');
export const useWriteOffGoods = () => useGoodsWrite<WriteOffInput>('/goods/write-offs');
