import type { EnterpriseKind, EnterpriseStatus } from './api';

/** Fill colour per enterprise kind. */
export const KIND_COLOURS: Record<EnterpriseKind, string> = {
  RAW_MATERIAL: '#7d8f3c',
  CHEMICAL: '#8e63c9',
  FIBER: '#2f9fa8',
  WEAVING: '#3f7fc4',
  PRINTING_DYEING: '#e07b39',
  GARMENT: '#d35f9a',
  MANUFACTURER: '#a8783a',
  MARKET: '#e3b23c',
  FOREIGN_TRADE: '#2c5aa0',
  LOGISTICS: '#6f7d8c',
  OTHER: '#a3a3a3',
};

/** Ring colour per current status. */
export const STATUS_COLOURS: Record<EnterpriseStatus, string> = {
  OPERATING: '#2e7d32',
  PARTIAL: '#ef9a00',
  STALLED: '#c62828',
  CLOSED: '#37474f',
};

export const IMPACT_COLOURS = {
  blocked: '#111827',
  stalled: '#dc2626',
  partial: '#f59e0b',
  linkOpen: '#9aa5b1',
  linkBlockedNow: '#c62828',
};
