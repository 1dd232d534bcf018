// The one loading / empty / error-with-retry block of every page that loads data.
//   <state status="loading|empty|error" message="..." bind:retry="onRetry">
//     <view slot="action">the way forward: under the empty message, or under 重试 on error</view>
//   </state>
// Status '' (or anything else) renders nothing, so pages can bind it unconditionally.
Component({
  options: { multipleSlots: true },
  properties: {
    status: { type: String, value: '' },
    message: { type: String, value: '' },
    /** false hides 重试 (e.g. an error no retry can fix). */
    retry: { type: Boolean, value: true },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry')
    },
  },
})
