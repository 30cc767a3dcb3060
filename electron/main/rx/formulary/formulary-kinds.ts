import { drugFavourites, formularyProducts } from '../../db/schema';
import { t } from '../../i18n/translate';
import { defineRecordKind } from '../../records/record-kind';

/** The clinic's formulary products: about no patient, shared by the clinic, synced. */
export const formularyProductKind = defineRecordKind({
  name: 'formulary_product',
  table: formularyProducts,
  fhirResource: 'Medication',
  conflictMessage: () => t('errors.rx.formulary.someoneElseChanged'),
  notFoundMessage: () => t('errors.rx.formulary.notFound'),
});

/** One doctor's favourite product; un-favouring deletes it (softly, as every record). */
export const drugFavouriteKind = defineRecordKind({
  name: 'drug_favourite',
  table: drugFavourites,
  fhirResource: 'Basic',
  conflictMessage: () => t('errors.rx.formulary.someoneElseChanged'),
  notFoundMessage: () => t('errors.rx.formulary.favouriteUnknown'),
});

export const RX_FORMULARY_KINDS = [formularyProductKind, drugFavouriteKind] as const;
