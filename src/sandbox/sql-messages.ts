/**
 * SQL Server's own wording, which Backoffice passes through in a `Result: false` Message
 * (modelled: no public example of the upstream text exists). The client classifies these by
 * their shape, so they follow SQL Server's phrasing closely, database name included.
 */
const DATABASE = 'LeafLogix';
const TERMINATED = ' The statement has been terminated.';

export const sqlMessages = {
  toInt: (value: string) =>
    `Conversion failed when converting the nvarchar value '${value.replaceAll("'", "''")}' to data type int.`,
  toNumeric: () => 'Error converting data type nvarchar to numeric.',
  toDatetime: () => 'Conversion failed when converting date and/or time from character string.',
  notNull: (column: string, table: string) =>
    `Cannot insert the value NULL into column '${column}', table '${DATABASE}.dbo.${table}'; column does not allow nulls. INSERT fails.${TERMINATED}`,
  foreignKey: (constraint: string, table: string, column: string) =>
    `The INSERT statement conflicted with the FOREIGN KEY constraint "${constraint}". The conflict occurred in database "${DATABASE}", table "dbo.${table}", column '${column}'.${TERMINATED}`,
};

/** A statement the modelled database refused; the endpoint answers its message. */
export class SqlFailure extends Error {
  override readonly name = 'SqlFailure';
}
