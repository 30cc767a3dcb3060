import { test, expect } from './fixtures';
import { seedClinic, signInPage } from './admin-helpers';
import { dispatchOk } from './dispatch';

test('a doctor adds a brand to the formulary, marks and unmarks it a favourite, edits it, imports a CSV and reads its report, removes one after confirming', async ({
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
  const amoxil = table.getByRole('row', { name: /Amoxil/ });
  await expect(amoxil.getByRole('cell', { name: 'Favourite', exact: true })).toBeVisible();
  // Un-favourite: the button says what it does now, and the mark goes.
  await amoxil.getByRole('button', { name: 'Remove Amoxil from favourites' }).click();
  await expect(page.getByText('Amoxil is no longer one of your favourites.')).toBeVisible();
  await expect(amoxil.getByRole('cell', { name: 'Favourite', exact: true })).toHaveCount(0);
  await expect(amoxil.getByRole('button', { name: 'Mark Amoxil as a favourite' })).toBeVisible();
  const search = await dispatchOk(app, app.session, 'rx.drugs.search', { text: 'amoxil' });
  expect(search.find((p) => p.brand === 'Amoxil')?.favourite).toBe(false);

  // Edit the clinic product: a bad strength is refused in the form, nothing saved; then a new name and strength.
  await amoxil.getByRole('button', { name: 'Edit Amoxil' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Amoxil' });
  await expect(edit.getByLabel('Brand name')).toHaveValue('Amoxil');
  await expect(edit.getByLabel('Strength of Amoxicillin')).toHaveValue('500');
  await edit.getByLabel('Strength of Amoxicillin').fill('0');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('A strength is more than zero')).toBeVisible();
  await edit.getByLabel('Brand name').fill('Amoxil Forte');
  await edit.getByLabel('Strength of Amoxicillin').fill('875');
  await edit.getByLabel('Note').fill('Pharmacy next door stocks it');
  await page.screenshot({ path: '/tmp/shots/formulary-edit.png' });
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('Amoxil Forte was saved.')).toBeVisible();
  const forte = table.getByRole('row', { name: /Amoxil Forte/ });
  await expect(forte).toContainText('Amoxicillin 875 mg capsule');
  const listed = await dispatchOk(app, app.session, 'rx.formulary.list', { text: 'amoxil' });
  expect(listed.map((e) => [e.product.brand, e.note])).toEqual([['Amoxil Forte', 'Pharmacy next door stocks it']]);

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
  // Removing asks first: Cancel keeps it; confirmed, it goes.
  await table.getByRole('button', { name: 'Remove Calpol' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove Calpol?' });
  await expect(confirm).toContainText('will no longer be found when prescribing');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(table.getByRole('rowheader', { name: 'Calpol' })).toBeVisible();
  await table.getByRole('button', { name: 'Remove Calpol' }).click();
  await confirm.getByRole('button', { name: 'Remove from formulary' }).click();
  await expect(page.getByText('Calpol was removed from the formulary.')).toBeVisible();
  await expect(page.getByText('No formulary product matches.')).toBeVisible();
});
