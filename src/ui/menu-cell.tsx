import { ArrowRight } from './icons';
import { Cell } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './menu-cell.scss';

export type MenuCellProps = {
  title: string;
  /** A NutUI icon, drawn in the theme's primary colour. */
  icon?: ReactNode;
  /** Short state on the right (未认证, a count). */
  note?: string;
  onClick: () => void;
};

/**
 * A row of a menu: NutUI's Cell with an icon and an arrow. Cell draws no role and takes no aria
 * props, so on H5 a screen reader would meet plain text; the thin wrapper says it is a button.
 */
export function MenuCell({ title, icon, note, onClick }: MenuCellProps) {
  return (
    <View className='menu-cell' role='button' onClick={onClick}>
      <Cell
        className='menu-cell__cell tap-target'
        align='center'
        clickable
        title={
          <View className='menu-cell__title'>
            {icon ? <View className='menu-cell__icon'>{icon}</View> : null}
            <Text>{title}</Text>
          </View>
        }
        extra={
          <View className='menu-cell__extra'>
            {note ? <Text className='menu-cell__note'>{note}</Text> : null}
            <ArrowRight className='menu-cell__arrow' />
          </View>
        }
      />
    </View>
  );
}
