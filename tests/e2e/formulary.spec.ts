import { test, expect } from './fixtures';
import { seedClinic, signInPage } from './admin-helpers';

test('a doctor adds a brand to the formulary, marks it a favourite, imports a CSV and reads its report', async ({
  app,
  page,
}) => {
  await seedClinic(app);
  await signInPage(app);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Formulary', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Formulary' })).toBeVisible();
  await expect(page.getByText('No products in the formulary yet.')).toBeVisible();

  // A brand as one of the catalogue's generics.
  await page.getByRole('searchbox', { name: 'Generic product' }).fill('amoxicillin 500');
  const product = page.getByRole('combobox', { name: 'Product' });
  await expect(product.getByRole('option', { name: 'Amoxicillin 500 mg capsule' })).toBeAttached();
  await product.selectOption({ label: 'Amoxicillin 500 mg capsule' });
  await page.getByRole('textbox', { name: 'Brand name' }).fill('Amoxil');
  await page.getByRole('button', { name: 'Add to formulary' }).click();
  await expect(page.getByText('Amoxil was added to the formulary.')).toBeVisible();
  const table = page.getByRole('table', { name: "Products in the clinic's formulary" });
  await expect(table.getByRole('rowheader', { name: 'Amoxil' })).toBeVisible();

  await table.getByRole('button', { name: 'Mark Amoxil as a favourite' }).click();
  await expect(page.getByText('Amoxil is now one of your favourites')).toBeVisible();

  // A CSV with one good row and one bad one: the report names the line and the reason.
  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'formulary.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'brand,form,route,ingredients,strengths\nCalpol,syrup,oral,paracetamol,120 mg/5 mL\nMystery,tablet,oral,unobtainium,5 mg\n',
    ),
  });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('1 of 2 rows imported.')).toBeVisible();
  const report = page.getByRole('table', { name: 'Rows not imported' });
  await expect(report.getByRole('row', { name: /3 Mystery .*unobtainium.* is not an ingredient/ })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Calpol' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search the formulary' }).fill('calp');
  await expect(table.getByRole('rowheader')).toHaveCount(1);
  await table.getByRole('button', { name: 'Remove Calpol' }).click();
  await expect(page.getByText('Calpol was removed from the formulary.')).toBeVisible();
  await expect(page.getByText('No formulary product matches.')).toBeVisible();
});
