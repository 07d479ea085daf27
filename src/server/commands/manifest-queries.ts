/** The operations the manifest commands send; the fields are what they print. */

export const PREVIEW_QUERY = `query ManifestPreviewCli($locId: Int!, $manifest: JSON!) {
  previewManifest(locId: $locId, manifest: $manifest) {
    transferId
    locId
    sender { licenseNumber name }
    lines {
      index status packageId quantity uom unitCost lineTotal isSample labStatus productName
      product { productId name }
      candidates { productId name score }
    }
    totals { lineCount sampleCount resolvedCount ambiguousCount unresolvedCount totalPrice }
    vendor { status matchedBy vendor { vendorId name code } candidates { vendorId name } }
    warnings
  }
}`;

export const RECEIVE_MUTATION = `mutation ManifestReceiveCli($input: ReceiveManifestInput!) {
  receiveManifest(input: $input) {
    __typename
    ... on Error { code message hint }
    ... on ReceiveInventorySuccess {
      idempotencyKey receiveHistoryId replayed
      packages { packageId quantity unit product { productId name } room { roomId name } }
    }
    ... on ReceiveInventoryPlan {
      idempotencyKey
      lines { line packageId quantity unitCost totalPackageCost productId productName roomName }
    }
    ... on ManifestSelectionError {
      unresolvedLines { index status productName candidates { productId name score } }
      unpricedLines
      invalidChoices { index message }
      nothingSelected
    }
    ... on ManifestInvalidError { problems { code path message } }
    ... on ValidationError { issues { path message } }
    ... on DuplicatePackageError { duplicates { packageId where paths } }
  }
}`;
